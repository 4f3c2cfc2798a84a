# Generated from forms/card_entry.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_CardEntryScreen(object):
    def setupUi(self, CardEntryScreen):
        if not CardEntryScreen.objectName():
            CardEntryScreen.setObjectName(u"CardEntryScreen")
        CardEntryScreen.resize(1100, 760)
        self.cardEntryLayout = QHBoxLayout(CardEntryScreen)
        self.cardEntryLayout.setObjectName(u"cardEntryLayout")
        self.formGroup = QGroupBox(CardEntryScreen)
        self.formGroup.setObjectName(u"formGroup")
        self.formLayout = QGridLayout(self.formGroup)
        self.formLayout.setObjectName(u"formLayout")
        self.cardLabel = QLabel(self.formGroup)
        self.cardLabel.setObjectName(u"cardLabel")

        self.formLayout.addWidget(self.cardLabel, 0, 0, 1, 1)

        self.cardEdit = QLineEdit(self.formGroup)
        self.cardEdit.setObjectName(u"cardEdit")
        self.cardEdit.setClearButtonEnabled(True)

        self.formLayout.addWidget(self.cardEdit, 0, 1, 1, 1)

        self.cardInfoLabel = QLabel(self.formGroup)
        self.cardInfoLabel.setObjectName(u"cardInfoLabel")
        self.cardInfoLabel.setText(u"")
        self.cardInfoLabel.setWordWrap(True)

        self.formLayout.addWidget(self.cardInfoLabel, 1, 1, 1, 1)

        self.qualityLabel = QLabel(self.formGroup)
        self.qualityLabel.setObjectName(u"qualityLabel")

        self.formLayout.addWidget(self.qualityLabel, 2, 0, 1, 1)

        self.qualityLayout = QHBoxLayout()
        self.qualityLayout.setObjectName(u"qualityLayout")
        self.quality3Radio = QRadioButton(self.formGroup)
        self.quality3Radio.setObjectName(u"quality3Radio")

        self.qualityLayout.addWidget(self.quality3Radio)

        self.quality2Radio = QRadioButton(self.formGroup)
        self.quality2Radio.setObjectName(u"quality2Radio")

        self.qualityLayout.addWidget(self.quality2Radio)

        self.quality1Radio = QRadioButton(self.formGroup)
        self.quality1Radio.setObjectName(u"quality1Radio")

        self.qualityLayout.addWidget(self.quality1Radio)

        self.qualitySpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.qualityLayout.addItem(self.qualitySpacer)


        self.formLayout.addLayout(self.qualityLayout, 2, 1, 1, 1)

        self.attitudeLabel = QLabel(self.formGroup)
        self.attitudeLabel.setObjectName(u"attitudeLabel")

        self.formLayout.addWidget(self.attitudeLabel, 3, 0, 1, 1)

        self.attitudeLayout = QHBoxLayout()
        self.attitudeLayout.setObjectName(u"attitudeLayout")
        self.attitude3Radio = QRadioButton(self.formGroup)
        self.attitude3Radio.setObjectName(u"attitude3Radio")

        self.attitudeLayout.addWidget(self.attitude3Radio)

        self.attitude2Radio = QRadioButton(self.formGroup)
        self.attitude2Radio.setObjectName(u"attitude2Radio")

        self.attitudeLayout.addWidget(self.attitude2Radio)

        self.attitude1Radio = QRadioButton(self.formGroup)
        self.attitude1Radio.setObjectName(u"attitude1Radio")

        self.attitudeLayout.addWidget(self.attitude1Radio)

        self.attitudeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attitudeLayout.addItem(self.attitudeSpacer)


        self.formLayout.addLayout(self.attitudeLayout, 3, 1, 1, 1)

        self.signedCheck = QCheckBox(self.formGroup)
        self.signedCheck.setObjectName(u"signedCheck")

        self.formLayout.addWidget(self.signedCheck, 4, 1, 1, 1)

        self.commentLabel = QLabel(self.formGroup)
        self.commentLabel.setObjectName(u"commentLabel")

        self.formLayout.addWidget(self.commentLabel, 5, 0, 1, 1)

        self.commentEdit = QLineEdit(self.formGroup)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setClearButtonEnabled(True)

        self.formLayout.addWidget(self.commentEdit, 5, 1, 1, 1)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveButton = QPushButton(self.formGroup)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)

        self.clearButton = QPushButton(self.formGroup)
        self.clearButton.setObjectName(u"clearButton")

        self.saveLayout.addWidget(self.clearButton)

        self.saveSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)


        self.formLayout.addLayout(self.saveLayout, 6, 1, 1, 1)

        self.keysLabel = QLabel(self.formGroup)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.formLayout.addWidget(self.keysLabel, 7, 0, 1, 2)

        self.messageLabel = QLabel(self.formGroup)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.formLayout.addWidget(self.messageLabel, 8, 0, 1, 2)

        self.formSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer, 9, 0, 1, 2)


        self.cardEntryLayout.addWidget(self.formGroup)

        self.recentGroup = QGroupBox(CardEntryScreen)
        self.recentGroup.setObjectName(u"recentGroup")
        self.recentLayout = QVBoxLayout(self.recentGroup)
        self.recentLayout.setObjectName(u"recentLayout")
        self.recentTable = QTableView(self.recentGroup)
        self.recentTable.setObjectName(u"recentTable")
        self.recentTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.recentTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.recentTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.recentTable.setAlternatingRowColors(True)

        self.recentLayout.addWidget(self.recentTable)


        self.cardEntryLayout.addWidget(self.recentGroup)

#if QT_CONFIG(shortcut)
        self.cardLabel.setBuddy(self.cardEdit)
        self.qualityLabel.setBuddy(self.quality3Radio)
        self.attitudeLabel.setBuddy(self.attitude3Radio)
        self.commentLabel.setBuddy(self.commentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cardEdit, self.quality3Radio)
        QWidget.setTabOrder(self.quality3Radio, self.quality2Radio)
        QWidget.setTabOrder(self.quality2Radio, self.quality1Radio)
        QWidget.setTabOrder(self.quality1Radio, self.attitude3Radio)
        QWidget.setTabOrder(self.attitude3Radio, self.attitude2Radio)
        QWidget.setTabOrder(self.attitude2Radio, self.attitude1Radio)
        QWidget.setTabOrder(self.attitude1Radio, self.signedCheck)
        QWidget.setTabOrder(self.signedCheck, self.commentEdit)
        QWidget.setTabOrder(self.commentEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.recentTable)

        self.retranslateUi(CardEntryScreen)
    # setupUi

    def retranslateUi(self, CardEntryScreen):
        self.formGroup.setTitle(QCoreApplication.translate("CardEntryScreen", u"Enter a returned feedback card", None))
        self.cardLabel.setText(QCoreApplication.translate("CardEntryScreen", u"&Ticket or card no.", None))
        self.cardEdit.setPlaceholderText(QCoreApplication.translate("CardEntryScreen", u"scan the card's QR code or type the number, Enter", None))
        self.qualityLabel.setText(QCoreApplication.translate("CardEntryScreen", u"Repair &quality", None))
        self.quality3Radio.setText(QCoreApplication.translate("CardEntryScreen", u"3 Satisfied", None))
        self.quality2Radio.setText(QCoreApplication.translate("CardEntryScreen", u"2 Fairly satisfied", None))
        self.quality1Radio.setText(QCoreApplication.translate("CardEntryScreen", u"1 Not satisfied", None))
        self.attitudeLabel.setText(QCoreApplication.translate("CardEntryScreen", u"Service &attitude", None))
        self.attitude3Radio.setText(QCoreApplication.translate("CardEntryScreen", u"3 Satisfied", None))
        self.attitude2Radio.setText(QCoreApplication.translate("CardEntryScreen", u"2 Fairly satisfied", None))
        self.attitude1Radio.setText(QCoreApplication.translate("CardEntryScreen", u"1 Not satisfied", None))
        self.signedCheck.setText(QCoreApplication.translate("CardEntryScreen", u"Si&gned by the customer", None))
        self.commentLabel.setText(QCoreApplication.translate("CardEntryScreen", u"Co&mment", None))
        self.commentEdit.setPlaceholderText(QCoreApplication.translate("CardEntryScreen", u"what the customer wrote", None))
        self.saveButton.setText(QCoreApplication.translate("CardEntryScreen", u"&Save card", None))
        self.clearButton.setText(QCoreApplication.translate("CardEntryScreen", u"C&lear", None))
        self.keysLabel.setText(QCoreApplication.translate("CardEntryScreen", u"Keys: 3 satisfied, 2 fairly satisfied, 1 not satisfied; Space ticks the signature; Enter saves.", None))
        self.recentGroup.setTitle(QCoreApplication.translate("CardEntryScreen", u"Cards entered today", None))
        pass
    # retranslateUi

