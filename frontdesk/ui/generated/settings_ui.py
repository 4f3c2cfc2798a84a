# Generated from forms/settings.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QVBoxLayout, QWidget

class Ui_SettingsScreen(object):
    def setupUi(self, SettingsScreen):
        if not SettingsScreen.objectName():
            SettingsScreen.setObjectName(u"SettingsScreen")
        SettingsScreen.resize(1100, 760)
        self.settingsLayout = QVBoxLayout(SettingsScreen)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.tabs = QTabWidget(SettingsScreen)
        self.tabs.setObjectName(u"tabs")
        self.profileTab = QWidget()
        self.profileTab.setObjectName(u"profileTab")
        self.profileLayout = QVBoxLayout(self.profileTab)
        self.profileLayout.setObjectName(u"profileLayout")
        self.profileHint = QLabel(self.profileTab)
        self.profileHint.setObjectName(u"profileHint")
        self.profileHint.setWordWrap(True)

        self.profileLayout.addWidget(self.profileHint)

        self.profileScroll = QScrollArea(self.profileTab)
        self.profileScroll.setObjectName(u"profileScroll")
        self.profileScroll.setWidgetResizable(True)
        self.profileBox = QWidget()
        self.profileBox.setObjectName(u"profileBox")
        self.profileForm = QFormLayout(self.profileBox)
        self.profileForm.setObjectName(u"profileForm")
        self.profileScroll.setWidget(self.profileBox)

        self.profileLayout.addWidget(self.profileScroll)

        self.profileButtons = QHBoxLayout()
        self.profileButtons.setObjectName(u"profileButtons")
        self.profileMessage = QLabel(self.profileTab)
        self.profileMessage.setObjectName(u"profileMessage")
        self.profileMessage.setText(u"")
        self.profileMessage.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.profileMessage.sizePolicy().hasHeightForWidth())
        self.profileMessage.setSizePolicy(sizePolicy)

        self.profileButtons.addWidget(self.profileMessage)

        self.saveProfileButton = QPushButton(self.profileTab)
        self.saveProfileButton.setObjectName(u"saveProfileButton")

        self.profileButtons.addWidget(self.saveProfileButton)


        self.profileLayout.addLayout(self.profileButtons)

        self.tabs.addTab(self.profileTab, "")
        self.usersTab = QWidget()
        self.usersTab.setObjectName(u"usersTab")
        self.usersLayout = QVBoxLayout(self.usersTab)
        self.usersLayout.setObjectName(u"usersLayout")
        self.usersTable = QTableWidget(self.usersTab)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.usersLayout.addWidget(self.usersTable)

        self.addUserGroup = QGroupBox(self.usersTab)
        self.addUserGroup.setObjectName(u"addUserGroup")
        self.addUserLayout = QHBoxLayout(self.addUserGroup)
        self.addUserLayout.setObjectName(u"addUserLayout")
        self.newNameLabel = QLabel(self.addUserGroup)
        self.newNameLabel.setObjectName(u"newNameLabel")

        self.addUserLayout.addWidget(self.newNameLabel)

        self.newNameEdit = QLineEdit(self.addUserGroup)
        self.newNameEdit.setObjectName(u"newNameEdit")

        self.addUserLayout.addWidget(self.newNameEdit)

        self.newFullNameLabel = QLabel(self.addUserGroup)
        self.newFullNameLabel.setObjectName(u"newFullNameLabel")

        self.addUserLayout.addWidget(self.newFullNameLabel)

        self.newFullNameEdit = QLineEdit(self.addUserGroup)
        self.newFullNameEdit.setObjectName(u"newFullNameEdit")

        self.addUserLayout.addWidget(self.newFullNameEdit)

        self.newRoleLabel = QLabel(self.addUserGroup)
        self.newRoleLabel.setObjectName(u"newRoleLabel")

        self.addUserLayout.addWidget(self.newRoleLabel)

        self.newRoleCombo = QComboBox(self.addUserGroup)
        self.newRoleCombo.setObjectName(u"newRoleCombo")

        self.addUserLayout.addWidget(self.newRoleCombo)

        self.newPinLabel = QLabel(self.addUserGroup)
        self.newPinLabel.setObjectName(u"newPinLabel")

        self.addUserLayout.addWidget(self.newPinLabel)

        self.newPinEdit = QLineEdit(self.addUserGroup)
        self.newPinEdit.setObjectName(u"newPinEdit")
        self.newPinEdit.setEchoMode(QLineEdit.Password)
        self.newPinEdit.setMaxLength(20)

        self.addUserLayout.addWidget(self.newPinEdit)

        self.addUserButton = QPushButton(self.addUserGroup)
        self.addUserButton.setObjectName(u"addUserButton")

        self.addUserLayout.addWidget(self.addUserButton)


        self.usersLayout.addWidget(self.addUserGroup)

        self.userButtons = QHBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.toggleUserButton = QPushButton(self.usersTab)
        self.toggleUserButton.setObjectName(u"toggleUserButton")

        self.userButtons.addWidget(self.toggleUserButton)

        self.unlockUserButton = QPushButton(self.usersTab)
        self.unlockUserButton.setObjectName(u"unlockUserButton")

        self.userButtons.addWidget(self.unlockUserButton)

        self.pinButton = QPushButton(self.usersTab)
        self.pinButton.setObjectName(u"pinButton")

        self.userButtons.addWidget(self.pinButton)

        self.userSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userButtons.addItem(self.userSpacer)


        self.usersLayout.addLayout(self.userButtons)

        self.usersMessage = QLabel(self.usersTab)
        self.usersMessage.setObjectName(u"usersMessage")
        self.usersMessage.setText(u"")
        self.usersMessage.setWordWrap(True)

        self.usersLayout.addWidget(self.usersMessage)

        self.tabs.addTab(self.usersTab, "")
        self.languageTab = QWidget()
        self.languageTab.setObjectName(u"languageTab")
        self.languageLayout = QVBoxLayout(self.languageTab)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageForm = QFormLayout()
        self.languageForm.setObjectName(u"languageForm")
        self.languageLabel = QLabel(self.languageTab)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageTab)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.counterLabel = QLabel(self.languageTab)
        self.counterLabel.setObjectName(u"counterLabel")

        self.languageForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.counterLabel)

        self.counterEdit = QLineEdit(self.languageTab)
        self.counterEdit.setObjectName(u"counterEdit")

        self.languageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.counterEdit)

        self.receiptSizeLabel = QLabel(self.languageTab)
        self.receiptSizeLabel.setObjectName(u"receiptSizeLabel")

        self.languageForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.receiptSizeLabel)

        self.receiptSizeCombo = QComboBox(self.languageTab)
        self.receiptSizeCombo.setObjectName(u"receiptSizeCombo")

        self.languageForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.receiptSizeCombo)

        self.printStraightCheck = QCheckBox(self.languageTab)
        self.printStraightCheck.setObjectName(u"printStraightCheck")

        self.languageForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.printStraightCheck)


        self.languageLayout.addLayout(self.languageForm)

        self.languageHint = QLabel(self.languageTab)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setWordWrap(True)

        self.languageLayout.addWidget(self.languageHint)

        self.databaseLabel = QLabel(self.languageTab)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setText(u"")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.languageLayout.addWidget(self.databaseLabel)

        self.languageSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageSpacer)

        self.tabs.addTab(self.languageTab, "")

        self.settingsLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.newNameLabel.setBuddy(self.newNameEdit)
        self.newFullNameLabel.setBuddy(self.newFullNameEdit)
        self.newRoleLabel.setBuddy(self.newRoleCombo)
        self.newPinLabel.setBuddy(self.newPinEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.counterLabel.setBuddy(self.counterEdit)
        self.receiptSizeLabel.setBuddy(self.receiptSizeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.saveProfileButton)
        QWidget.setTabOrder(self.saveProfileButton, self.usersTable)
        QWidget.setTabOrder(self.usersTable, self.newNameEdit)
        QWidget.setTabOrder(self.newNameEdit, self.newFullNameEdit)
        QWidget.setTabOrder(self.newFullNameEdit, self.newRoleCombo)
        QWidget.setTabOrder(self.newRoleCombo, self.newPinEdit)
        QWidget.setTabOrder(self.newPinEdit, self.addUserButton)
        QWidget.setTabOrder(self.addUserButton, self.toggleUserButton)
        QWidget.setTabOrder(self.toggleUserButton, self.unlockUserButton)
        QWidget.setTabOrder(self.unlockUserButton, self.pinButton)
        QWidget.setTabOrder(self.pinButton, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.counterEdit)
        QWidget.setTabOrder(self.counterEdit, self.receiptSizeCombo)
        QWidget.setTabOrder(self.receiptSizeCombo, self.printStraightCheck)

        self.retranslateUi(SettingsScreen)
    # setupUi

    def retranslateUi(self, SettingsScreen):
        self.profileHint.setText(QCoreApplication.translate("SettingsScreen", u"The shop profile is shared by every counter. Only a manager can change it.", None))
        self.saveProfileButton.setText(QCoreApplication.translate("SettingsScreen", u"&Save profile", None))
        self.tabs.setTabText(self.tabs.indexOf(self.profileTab), QCoreApplication.translate("SettingsScreen", u"Shop profile", None))
        self.addUserGroup.setTitle(QCoreApplication.translate("SettingsScreen", u"Add a user", None))
        self.newNameLabel.setText(QCoreApplication.translate("SettingsScreen", u"Name", None))
        self.newFullNameLabel.setText(QCoreApplication.translate("SettingsScreen", u"Full name", None))
        self.newRoleLabel.setText(QCoreApplication.translate("SettingsScreen", u"Role", None))
        self.newPinLabel.setText(QCoreApplication.translate("SettingsScreen", u"PIN", None))
        self.addUserButton.setText(QCoreApplication.translate("SettingsScreen", u"&Add user", None))
        self.toggleUserButton.setText(QCoreApplication.translate("SettingsScreen", u"Disable / enable the selected user", None))
#if QT_CONFIG(tooltip)
        self.unlockUserButton.setToolTip(QCoreApplication.translate("SettingsScreen", u"Lift the wait or the lock that too many wrong PINs put on the selected user", None))
#endif // QT_CONFIG(tooltip)
        self.unlockUserButton.setText(QCoreApplication.translate("SettingsScreen", u"Unlock the selected user", None))
        self.pinButton.setText(QCoreApplication.translate("SettingsScreen", u"Change my PIN", None))
        self.tabs.setTabText(self.tabs.indexOf(self.usersTab), QCoreApplication.translate("SettingsScreen", u"Users", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsScreen", u"&Language on this counter", None))
        self.counterLabel.setText(QCoreApplication.translate("SettingsScreen", u"&Counter (cash desk)", None))
        self.counterEdit.setPlaceholderText(QCoreApplication.translate("SettingsScreen", u"main", None))
#if QT_CONFIG(tooltip)
        self.counterEdit.setToolTip(QCoreApplication.translate("SettingsScreen", u"Name this desk when the shop has several: each desk's drawer is counted and closed on its own", None))
#endif // QT_CONFIG(tooltip)
        self.receiptSizeLabel.setText(QCoreApplication.translate("SettingsScreen", u"&Receipts print on", None))
#if QT_CONFIG(tooltip)
        self.receiptSizeCombo.setToolTip(QCoreApplication.translate("SettingsScreen", u"The paper of this counter's receipt printer: an A5 sheet, or the 80 mm roll of a receipt printer", None))
#endif // QT_CONFIG(tooltip)
        self.printStraightCheck.setText(QCoreApplication.translate("SettingsScreen", u"&Print receipts straight away, without the preview", None))
#if QT_CONFIG(tooltip)
        self.printStraightCheck.setToolTip(QCoreApplication.translate("SettingsScreen", u"A receipt just issued (payment, deposit, refund, correction) goes at once to the printer last used for receipts of this size on this counter", None))
#endif // QT_CONFIG(tooltip)
        self.languageHint.setText(QCoreApplication.translate("SettingsScreen", u"The language applies at once to this counter's screens; printed documents are in the shop's language (shop profile). The counter's name goes on every receipt taken here, and its drawer is closed on its own. A receipt issued here opens in the print preview, or goes straight to the printer last used for receipts of its size here.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.languageTab), QCoreApplication.translate("SettingsScreen", u"This counter", None))
        pass
    # retranslateUi

