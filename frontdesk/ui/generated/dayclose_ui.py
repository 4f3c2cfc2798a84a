# Generated from forms/dayclose.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QTextBrowser, QToolButton, QVBoxLayout, QWidget

class Ui_DayCloseScreen(object):
    def setupUi(self, DayCloseScreen):
        if not DayCloseScreen.objectName():
            DayCloseScreen.setObjectName(u"DayCloseScreen")
        DayCloseScreen.resize(1100, 760)
        self.dayCloseLayout = QVBoxLayout(DayCloseScreen)
        self.dayCloseLayout.setObjectName(u"dayCloseLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.dayLabel = QLabel(DayCloseScreen)
        self.dayLabel.setObjectName(u"dayLabel")

        self.topLayout.addWidget(self.dayLabel)

        self.dayEdit = QDateEdit(DayCloseScreen)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.topLayout.addWidget(self.dayEdit)

        self.prevButton = QToolButton(DayCloseScreen)
        self.prevButton.setObjectName(u"prevButton")
        self.prevButton.setText(u"\u25c0")

        self.topLayout.addWidget(self.prevButton)

        self.nextButton = QToolButton(DayCloseScreen)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setText(u"\u25b6")

        self.topLayout.addWidget(self.nextButton)

        self.todayButton = QPushButton(DayCloseScreen)
        self.todayButton.setObjectName(u"todayButton")

        self.topLayout.addWidget(self.todayButton)

        self.counterLabel = QLabel(DayCloseScreen)
        self.counterLabel.setObjectName(u"counterLabel")

        self.topLayout.addWidget(self.counterLabel)

        self.counterCombo = QComboBox(DayCloseScreen)
        self.counterCombo.setObjectName(u"counterCombo")

        self.topLayout.addWidget(self.counterCombo)

        self.blindCheck = QCheckBox(DayCloseScreen)
        self.blindCheck.setObjectName(u"blindCheck")

        self.topLayout.addWidget(self.blindCheck)

        self.stateLabel = QLabel(DayCloseScreen)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"")
        self.stateLabel.setTextFormat(Qt.RichText)

        self.topLayout.addWidget(self.stateLabel)

        self.topSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.exportButton = QPushButton(DayCloseScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.topLayout.addWidget(self.exportButton)


        self.dayCloseLayout.addLayout(self.topLayout)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.reportView = QTextBrowser(DayCloseScreen)
        self.reportView.setObjectName(u"reportView")
        self.reportView.setOpenLinks(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.reportView.sizePolicy().hasHeightForWidth())
        self.reportView.setSizePolicy(sizePolicy)

        self.bodyLayout.addWidget(self.reportView)

        self.drawerBox = QGroupBox(DayCloseScreen)
        self.drawerBox.setObjectName(u"drawerBox")
        self.drawerBox.setMinimumSize(QSize(340, 0))
        self.drawerBox.setMaximumSize(QSize(420, 16777215))
        self.drawerLayout = QVBoxLayout(self.drawerBox)
        self.drawerLayout.setObjectName(u"drawerLayout")
        self.drawerScroll = QScrollArea(self.drawerBox)
        self.drawerScroll.setObjectName(u"drawerScroll")
        self.drawerScroll.setFocusPolicy(Qt.NoFocus)
        self.drawerScroll.setFrameShape(QFrame.NoFrame)
        self.drawerScroll.setWidgetResizable(True)
        self.drawerContents = QWidget()
        self.drawerContents.setObjectName(u"drawerContents")
        self.drawerContentsLayout = QVBoxLayout(self.drawerContents)
        self.drawerContentsLayout.setObjectName(u"drawerContentsLayout")
        self.drawerContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.drawerForm = QFormLayout()
        self.drawerForm.setObjectName(u"drawerForm")
        self.floatLabel = QLabel(self.drawerContents)
        self.floatLabel.setObjectName(u"floatLabel")

        self.drawerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.floatLabel)

        self.floatEdit = QLineEdit(self.drawerContents)
        self.floatEdit.setObjectName(u"floatEdit")

        self.drawerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.floatEdit)

        self.denominationsTable = QTableWidget(self.drawerContents)
        self.denominationsTable.setObjectName(u"denominationsTable")

        self.drawerForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.denominationsTable)

        self.countedTitle = QLabel(self.drawerContents)
        self.countedTitle.setObjectName(u"countedTitle")

        self.drawerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.countedTitle)

        self.countedValue = QLabel(self.drawerContents)
        self.countedValue.setObjectName(u"countedValue")
        self.countedValue.setText(u"")

        self.drawerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.countedValue)

        self.expectedTitle = QLabel(self.drawerContents)
        self.expectedTitle.setObjectName(u"expectedTitle")

        self.drawerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.expectedTitle)

        self.expectedValue = QLabel(self.drawerContents)
        self.expectedValue.setObjectName(u"expectedValue")
        self.expectedValue.setText(u"")

        self.drawerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.expectedValue)

        self.overShortTitle = QLabel(self.drawerContents)
        self.overShortTitle.setObjectName(u"overShortTitle")

        self.drawerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.overShortTitle)

        self.overShortValue = QLabel(self.drawerContents)
        self.overShortValue.setObjectName(u"overShortValue")
        self.overShortValue.setText(u"")
        self.overShortValue.setTextFormat(Qt.RichText)

        self.drawerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.overShortValue)

        self.noteLabel = QLabel(self.drawerContents)
        self.noteLabel.setObjectName(u"noteLabel")

        self.drawerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.drawerContents)
        self.noteEdit.setObjectName(u"noteEdit")

        self.drawerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.drawerContentsLayout.addLayout(self.drawerForm)

        self.drawerScroll.setWidget(self.drawerContents)

        self.drawerLayout.addWidget(self.drawerScroll)

        self.drawerButtons = QVBoxLayout()
        self.drawerButtons.setObjectName(u"drawerButtons")
        self.saveCountButton = QPushButton(self.drawerBox)
        self.saveCountButton.setObjectName(u"saveCountButton")

        self.drawerButtons.addWidget(self.saveCountButton)

        self.closeDayButton = QPushButton(self.drawerBox)
        self.closeDayButton.setObjectName(u"closeDayButton")

        self.drawerButtons.addWidget(self.closeDayButton)

        self.printButton = QPushButton(self.drawerBox)
        self.printButton.setObjectName(u"printButton")

        self.drawerButtons.addWidget(self.printButton)


        self.drawerLayout.addLayout(self.drawerButtons)


        self.bodyLayout.addWidget(self.drawerBox)


        self.dayCloseLayout.addLayout(self.bodyLayout)

        self.messageLabel = QLabel(DayCloseScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.dayCloseLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
        self.counterLabel.setBuddy(self.counterCombo)
        self.floatLabel.setBuddy(self.floatEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayEdit, self.counterCombo)
        QWidget.setTabOrder(self.counterCombo, self.floatEdit)
        QWidget.setTabOrder(self.floatEdit, self.denominationsTable)
        QWidget.setTabOrder(self.denominationsTable, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveCountButton)
        QWidget.setTabOrder(self.saveCountButton, self.closeDayButton)
        QWidget.setTabOrder(self.closeDayButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.reportView)

        self.retranslateUi(DayCloseScreen)
    # setupUi

    def retranslateUi(self, DayCloseScreen):
        self.dayLabel.setText(QCoreApplication.translate("DayCloseScreen", u"&Day", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("DayCloseScreen", u"Previous day (Alt+Left)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("DayCloseScreen", u"Next day (Alt+Right)", None))
#endif // QT_CONFIG(tooltip)
        self.todayButton.setText(QCoreApplication.translate("DayCloseScreen", u"&Today", None))
        self.counterLabel.setText(QCoreApplication.translate("DayCloseScreen", u"Co&unter", None))
#if QT_CONFIG(tooltip)
        self.counterCombo.setToolTip(QCoreApplication.translate("DayCloseScreen", u"Each counter (cash desk) closes its own drawer", None))
#endif // QT_CONFIG(tooltip)
        self.blindCheck.setText(QCoreApplication.translate("DayCloseScreen", u"&Blind count", None))
#if QT_CONFIG(tooltip)
        self.blindCheck.setToolTip(QCoreApplication.translate("DayCloseScreen", u"Hide the expected cash until the count is saved", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("DayCloseScreen", u"Head-office &workbook\u2026", None))
        self.drawerBox.setTitle(QCoreApplication.translate("DayCloseScreen", u"The drawer", None))
        self.floatLabel.setText(QCoreApplication.translate("DayCloseScreen", u"&Opening float", None))
        self.floatEdit.setPlaceholderText(QCoreApplication.translate("DayCloseScreen", u"e.g. 500.00", None))
#if QT_CONFIG(tooltip)
        self.denominationsTable.setToolTip(QCoreApplication.translate("DayCloseScreen", u"Type how many of each note and coin are in the drawer", None))
#endif // QT_CONFIG(tooltip)
        self.countedTitle.setText(QCoreApplication.translate("DayCloseScreen", u"Counted", None))
        self.expectedTitle.setText(QCoreApplication.translate("DayCloseScreen", u"Expected", None))
        self.overShortTitle.setText(QCoreApplication.translate("DayCloseScreen", u"Over (+) / short (-)", None))
        self.noteLabel.setText(QCoreApplication.translate("DayCloseScreen", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("DayCloseScreen", u"why the drawer is over or short (optional)", None))
        self.saveCountButton.setText(QCoreApplication.translate("DayCloseScreen", u"&Save count", None))
        self.closeDayButton.setText(QCoreApplication.translate("DayCloseScreen", u"&Close the day (manager)\u2026", None))
        self.printButton.setText(QCoreApplication.translate("DayCloseScreen", u"&Print reconciliation\u2026", None))
        pass
    # retranslateUi

