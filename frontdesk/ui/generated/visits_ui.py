# Generated from forms/visits.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

class Ui_VisitsDialog(object):
    def setupUi(self, VisitsDialog):
        if not VisitsDialog.objectName():
            VisitsDialog.setObjectName(u"VisitsDialog")
        VisitsDialog.resize(960, 600)
        self.visitsLayout = QVBoxLayout(VisitsDialog)
        self.visitsLayout.setObjectName(u"visitsLayout")
        self.dayLayout = QHBoxLayout()
        self.dayLayout.setObjectName(u"dayLayout")
        self.prevButton = QPushButton(VisitsDialog)
        self.prevButton.setObjectName(u"prevButton")

        self.dayLayout.addWidget(self.prevButton)

        self.dayLabel = QLabel(VisitsDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.dayLayout.addWidget(self.dayLabel)

        self.dayEdit = QLineEdit(VisitsDialog)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setMaximumSize(QSize(130, 16777215))

        self.dayLayout.addWidget(self.dayEdit)

        self.todayButton = QPushButton(VisitsDialog)
        self.todayButton.setObjectName(u"todayButton")

        self.dayLayout.addWidget(self.todayButton)

        self.nextButton = QPushButton(VisitsDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.dayLayout.addWidget(self.nextButton)

        self.daySpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dayLayout.addItem(self.daySpacer)

        self.countLabel = QLabel(VisitsDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.dayLayout.addWidget(self.countLabel)


        self.visitsLayout.addLayout(self.dayLayout)

        self.hintLabel = QLabel(VisitsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.visitsLayout.addWidget(self.hintLabel)

        self.tree = QTreeWidget(VisitsDialog)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.tree.setHeaderItem(__qtreewidgetitem)
        self.tree.setObjectName(u"tree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)

        self.visitsLayout.addWidget(self.tree)

        self.messageLabel = QLabel(VisitsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.visitsLayout.addWidget(self.messageLabel)

        self.assignLayout = QHBoxLayout()
        self.assignLayout.setObjectName(u"assignLayout")
        self.assignLabel = QLabel(VisitsDialog)
        self.assignLabel.setObjectName(u"assignLabel")

        self.assignLayout.addWidget(self.assignLabel)

        self.technicianCombo = QComboBox(VisitsDialog)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.assignLayout.addWidget(self.technicianCombo)

        self.assignButton = QPushButton(VisitsDialog)
        self.assignButton.setObjectName(u"assignButton")

        self.assignLayout.addWidget(self.assignButton)

        self.assignSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assignLayout.addItem(self.assignSpacer)

        self.closeButton = QPushButton(VisitsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.assignLayout.addWidget(self.closeButton)


        self.visitsLayout.addLayout(self.assignLayout)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
        self.assignLabel.setBuddy(self.technicianCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayEdit, self.prevButton)
        QWidget.setTabOrder(self.prevButton, self.todayButton)
        QWidget.setTabOrder(self.todayButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.tree)
        QWidget.setTabOrder(self.tree, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.assignButton)
        QWidget.setTabOrder(self.assignButton, self.closeButton)

        self.retranslateUi(VisitsDialog)
    # setupUi

    def retranslateUi(self, VisitsDialog):
        VisitsDialog.setWindowTitle(QCoreApplication.translate("VisitsDialog", u"Visits by area", None))
        self.prevButton.setText(QCoreApplication.translate("VisitsDialog", u"\u25c0 Previous day", None))
        self.dayLabel.setText(QCoreApplication.translate("VisitsDialog", u"&Day", None))
        self.dayEdit.setPlaceholderText(QCoreApplication.translate("VisitsDialog", u"YYYY-MM-DD", None))
        self.todayButton.setText(QCoreApplication.translate("VisitsDialog", u"&Today", None))
        self.nextButton.setText(QCoreApplication.translate("VisitsDialog", u"Next day \u25b6", None))
        self.hintLabel.setText(QCoreApplication.translate("VisitsDialog", u"Visits are grouped by area so that nearby addresses go to the same technician.", None))
        self.assignLabel.setText(QCoreApplication.translate("VisitsDialog", u"Give the selected area to", None))
        self.assignButton.setText(QCoreApplication.translate("VisitsDialog", u"&Assign", None))
        self.closeButton.setText(QCoreApplication.translate("VisitsDialog", u"Close (Esc)", None))
    # retranslateUi

